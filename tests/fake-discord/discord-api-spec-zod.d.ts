// discord-api-spec's package.json points the types of its `zod` entry at the JavaScript file itself, so TypeScript
// finds no declarations there: these are the schemas the fake's oracle uses, typed by what it calls.
declare module 'discord-api-spec/zod' {
  interface SpecSchema {
    safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> } };
  }
  export const ApplicationCommandAutocompleteCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandCreateRequestSchema: SpecSchema;
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema: SpecSchema;
  export const PongInteractionCallbackRequestSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
}
