import { z } from 'zod';

/**
 * `POST /api/social/interactions/:id/actions`: what an officer does with a comment or mention from the
 * worklist. `answered`: replied on the platform (with a link to the reply); `hoax`: flag it as a
 * suspected hoax to clarify; `issue`: tag the issue it raises.
 */
export const socialInteractionAction = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('answered'),
    replyUrl: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .optional(),
  }),
  z.strictObject({ action: z.literal('hoax') }),
  z.strictObject({ action: z.literal('issue'), issueTag: z.string().trim().min(1).max(100) }),
]);
export type SocialInteractionAction = z.infer<typeof socialInteractionAction>;
