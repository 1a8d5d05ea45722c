// The control extension's background: nothing to do, it only has to exist like the panel's.
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {});
