namespace ThirdPartyJobs.Hosting.ClientTokens;

/// <summary>The default provider: the worker options' <see cref="ThirdPartyJobWorkerOptions.ClientTokens"/>, copied at startup.</summary>
internal sealed class DictionaryClientTokenProvider(IEnumerable<KeyValuePair<string, string>> tokens) : IClientTokenProvider
{
    private readonly Dictionary<string, string> _tokens = new(tokens, StringComparer.Ordinal);

    public ValueTask<string?> GetClientTokenAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(clientId is not null && _tokens.TryGetValue(clientId, out var token) ? token : null);
}
