import { describe, expect, it } from 'vitest';
import { parseWebhookNotification, verifyWebhookMac } from './webhooks.mac';

// Vector computed outside Node: printf "$BODY" | openssl dgst -sha256 -mac HMAC -macopt key:<secret>.
const macSecretBase64 = 'dGFibGVwb3J0LXdlYmhvb2stc2VjcmV0LTMyYnl0ZXMh';
const body =
  '{"base":{"id":"appB0000000000001"},"webhook":{"id":"achW0000000000001"},"timestamp":"2024-01-02T03:04:05.000Z"}';
const header = 'hmac-sha256=302a853bf5599a9cda4242c9537a7c238c060b77d6c134a60437fc5373fc54bf';

describe('verifyWebhookMac', () => {
  it('accepts the MAC of the raw body, as text or bytes', () => {
    expect(verifyWebhookMac({ macSecretBase64, body, header })).toBe(true);
    expect(verifyWebhookMac({ macSecretBase64, body: new TextEncoder().encode(body), header })).toBe(true);
  });

  it('refuses a changed body, another secret, or a missing or malformed header', () => {
    expect(verifyWebhookMac({ macSecretBase64, body: body.replace('2024', '2025'), header })).toBe(false);
    expect(verifyWebhookMac({ macSecretBase64: 'b3RoZXI=', body, header })).toBe(false);
    expect(verifyWebhookMac({ macSecretBase64, body, header: undefined })).toBe(false);
    expect(verifyWebhookMac({ macSecretBase64, body, header: header.replace('hmac-sha256=', '') })).toBe(
      false,
    );
    expect(verifyWebhookMac({ macSecretBase64, body, header: `${header}00` })).toBe(false);
  });

  it('parses a verified ping and nothing else', () => {
    expect(parseWebhookNotification({ macSecretBase64, body, header })).toEqual({
      base: { id: 'appB0000000000001' },
      webhook: { id: 'achW0000000000001' },
      timestamp: '2024-01-02T03:04:05.000Z',
    });
    expect(parseWebhookNotification({ macSecretBase64, body: `${body} `, header })).toBeUndefined();
  });
});
