// Skipping re-renders of panel parts whose inputs did not change. The panel re-renders from its
// root on every state from the background and on every clock tick; without this, a tag or a
// tick would rebuild every button and every call row. (preact/compat has `memo`, but importing
// compat installs global option hooks that change how the rest of the panel renders.)
import { type ComponentType, createElement, type FunctionComponent } from 'preact';

export function shallowEqual<P extends object>(a: P, b: P): boolean {
  for (const key in a) if (a[key] !== b[key]) return false;
  for (const key in b) if (!(key in a)) return false;
  return true;
}

/** `component`, re-rendered only when `equal(previous, next)` says its props changed. */
export function memo<P extends object>(
  component: FunctionComponent<P>,
  equal: (previous: P, next: P) => boolean = shallowEqual,
): ComponentType<P> {
  function shouldComponentUpdate(this: { props: P }, next: P): boolean {
    return !equal(this.props, next);
  }
  function Memo(this: { shouldComponentUpdate?: typeof shouldComponentUpdate }, props: P) {
    // Preact calls a function component with its component instance as `this`.
    this.shouldComponentUpdate = shouldComponentUpdate;
    return createElement(component, props);
  }
  Memo.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memo as unknown as ComponentType<P>;
}
