// @vitest-environment happy-dom
// The site adapter's field reading, on saved HTML: values as plain text, bounded, broken
// selectors reported instead of thrown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAdapter } from '@/lib/adapters/site-reader';
import { AdapterReading } from '@/lib/messaging/protocol';
import { DEMO_ADAPTER } from '@/lib/settings/defaults';

function load(path: string): Document {
  const html = readFileSync(new URL(path, import.meta.url), 'utf8').replace(/<link[^>]*>/g, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('readAdapter', () => {
  it('reads the call state, caller and subscriber card of the saved page as text', () => {
    const reading = readAdapter(load('../fixtures/crm-in-call.html'), DEMO_ADAPTER);
    expect(reading).toMatchObject({
      inCall: true,
      callerNumber: '+7 912 345-67-89',
      subscriber: {
        contract: 'Д-104392',
        name: 'Иванова <img src=x onerror=alert(1)> Мария',
        tariff: 'Домашний 100',
        balance: '-150,00 ₽',
      },
    });
    expect(AdapterReading.safeParse(reading).success).toBe(true);
  });

  it('reads the demo CRM page itself (idle softphone)', () => {
    const reading = readAdapter(load('../../demo/index.html'), DEMO_ADAPTER);
    expect(reading.inCall).toBe(false);
    expect(reading.callerNumber).toBeNull();
    expect(reading.subscriber.contract).toBe('Д-104392');
    expect(reading.matches).toMatchObject({ inCall: 0, callerNumber: 1, contract: 1, name: 1, tariff: 1, balance: 1 });
  });

  it('reads only the configured fields, and form fields by value', () => {
    const reading = readAdapter(load('../fixtures/crm-in-call.html'), {
      callerNumber: '#number-input',
      fields: { tariff: '[data-field="tariff"]' },
    });
    expect(reading).toMatchObject({
      inCall: null,
      callerNumber: '+7 999 000-00-00',
      subscriber: { tariff: 'Домашний 100' },
    });
    expect(Object.keys(reading.subscriber)).toEqual(['tariff']);
  });

  it('reports an invalid selector and a selector matching nothing', () => {
    const reading = readAdapter(load('../fixtures/crm-in-call.html'), {
      inCall: '#softphone[',
      fields: { name: '.nothing' },
    });
    expect(reading.matches.inCall).toMatchObject({ error: expect.any(String) });
    expect(reading.matches.name).toBe(0);
    expect(reading.inCall).toBe(false);
  });

  it('bounds what it reads so a huge page field cannot bloat a call record', () => {
    const doc = load('../fixtures/crm-in-call.html');
    doc.querySelector('[data-field="name"]')!.textContent = 'Я'.repeat(10_000);
    expect(readAdapter(doc, DEMO_ADAPTER).subscriber.name).toHaveLength(200);
  });
});
