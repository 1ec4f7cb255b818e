namespace ThirdPartyJobs.Testing.Faults;

/// <summary>One fault to apply to one call.</summary>
internal sealed record FaultAction(FaultKind Kind, int StatusCode = 0, TimeSpan Delay = default, RawResponse? Response = null);
