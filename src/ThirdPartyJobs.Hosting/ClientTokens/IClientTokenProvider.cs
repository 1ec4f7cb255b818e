namespace ThirdPartyJobs.Hosting;

/// <summary>
/// Looks up the client token of one of the partner's customers. Register one in dependency
/// injection (keyed by the worker's name to serve one worker only), or set
/// <see cref="ThirdPartyJobWorkerOptions.ClientTokens"/> for simple setups.
/// </summary>
public interface IClientTokenProvider
{
    /// <summary>Returns the client token for <paramref name="clientId"/>, or null when the client is unknown.</summary>
    /// <param name="clientId">The client id from the polled job.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The client token (secret), or null. A job whose client is unknown (null, or an exception) is skipped, logged and counted.</returns>
    ValueTask<string?> GetClientTokenAsync(string clientId, CancellationToken cancellationToken);
}
