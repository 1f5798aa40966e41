/**
 * The GET Meta sends when you save the callback URL in the App Dashboard:
 * `?hub.mode=subscribe&hub.verify_token=<your token>&hub.challenge=<number>`, answered with the challenge.
 */
import { constantTimeEqualText } from '../internal/constant-time.js';

/** Answers Meta's verification request: 200 with `hub.challenge` as text, or 403. */
export async function answerVerification(url: URL, verifyToken: string | undefined): Promise<Response> {
  if (verifyToken === undefined) {
    return text(
      403,
      'Webhook verification is not configured: pass { verifyToken } to createWebhookHandler, the same text you enter as "Verify token" next to the callback URL in the App Dashboard (WhatsApp > Configuration).',
    );
  }
  const params = url.searchParams;
  const given = params.get('hub.verify_token');
  const ok = params.get('hub.mode') === 'subscribe' && given !== null && (await constantTimeEqualText(given, verifyToken));
  if (!ok) return new Response(null, { status: 403 });
  const challenge = params.get('hub.challenge');
  if (challenge === null) return text(400, 'hub.challenge is missing.');
  return text(200, challenge);
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}
