#region Snippet:ClientTokenProvider
using Microsoft.Extensions.Configuration;
using ThirdPartyJobs.Hosting;

/// <summary>Client tokens from configuration ("ClientTokens:&lt;clientId&gt;"), e.g. filled from a secret store.</summary>
sealed class ConfigurationClientTokenProvider(IConfiguration configuration) : IClientTokenProvider
{
    public ValueTask<string?> GetClientTokenAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(configuration.GetSection("ClientTokens")[clientId]); // null: unknown client, job skipped
}
#endregion
