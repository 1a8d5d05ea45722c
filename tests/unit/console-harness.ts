// The set-up the console's DOM tests share: a stand-in for the messaging client (its `request` is a
// mock each test file answers), a lead of one team, mounting a view into the document and taking it
// down again, and waiting for Preact's renders and the fake background's answers.
import { type ComponentChild, render } from 'preact';
import { vi } from 'vitest';
import type { request } from '@/lib/messaging/client';
import type { SessionUser } from '@/lib/schema/api';
import { fakeUlid } from './helpers';

/**
 * The module that replaces lib/messaging/client. Import it lazily from the mock's factory, which runs
 * before the file's imports: `vi.mock('@/lib/messaging/client', () => import('./console-harness')
 * .then((harness) => harness.fakeClientModule()))`.
 */
export function fakeClientModule() {
  return {
    request: vi.fn<typeof request>(),
    RequestError: class RequestError extends Error {
      constructor(
        readonly code: string,
        message: string,
      ) {
        super(message);
      }
    },
  };
}

/** The fake background: every request is answered by `reply` (which throws for an unexpected one). */
export function answerRequests(
  mocked: ReturnType<typeof vi.fn<typeof request>>,
  reply: (type: string, body: Record<string, unknown>) => unknown,
) {
  mocked.mockReset();
  mocked.mockImplementation((async (type: string, body: Record<string, unknown>) =>
    reply(type, body)) as typeof request);
}

export const TEAM = fakeUlid(900);

/** A lead of one team in the demo organisation. */
export const LEAD: SessionUser = {
  id: fakeUlid(901),
  login: 'lead',
  name: 'Руководитель',
  role: 'lead',
  orgId: fakeUlid(902),
  orgName: 'Демо',
  teams: [{ id: TEAM, name: 'Первая линия' }],
};

/** Lets timers, answers and renders run for `times` turns of the event loop. */
export async function flush(times = 5) {
  for (let i = 0; i < times; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

let root: HTMLElement | null = null;

/** Renders a view into a fresh element of the document, without waiting. */
export function attach(vnode: ComponentChild): HTMLElement {
  const element = document.createElement('div');
  root = element;
  document.body.append(element);
  render(vnode, element);
  return element;
}

/** Renders a view and lets it load (`turns` turns of the event loop). */
export async function mount(vnode: ComponentChild, turns = 5): Promise<HTMLElement> {
  const element = attach(vnode);
  await flush(turns);
  return element;
}

/** Takes the mounted view down again (each file calls it after each test). */
export function unmount() {
  if (root) render(null, root);
  root?.remove();
  root = null;
}

/** Waits (a bounded number of turns) until `find` finds something: the page loads in several hops. */
export async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 50; i += 1) {
    const found = find();
    if (found) return found;
    await flush(1);
  }
  throw new Error('never appeared');
}

/** Clicks an element that must be there. */
export function click(element: Element | null | undefined) {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  element.click();
}

/** Clicks an element that must be there and lets the view answer. */
export async function clickAndWait(element: Element | null | undefined) {
  click(element);
  await flush();
}

/** Text with every kind of space (Intl's narrow no-break ones too) as a plain space. */
export const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s/g, ' ');
