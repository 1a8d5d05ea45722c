// Console page entry (unlisted page, console.html): only wiring. State and UI live in components/console.
import { render } from 'preact';
import { ConsoleApp } from '../../components/console/ConsoleApp';
import '../../components/options/options.css';
import '../../components/console/console.css';

const root = document.getElementById('app');
if (root) render(<ConsoleApp />, root);
