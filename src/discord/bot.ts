/** Placeholder until the gateway adapter lands (issue 5). */
export async function startGatewayBot(): Promise<void> {
  throw new Error('The Discord gateway adapter is not built yet: unset DISCORD_TOKEN to use the offline console.');
}
