// Options page entry: only wiring. All state and UI live in components/options.
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/options/options.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
