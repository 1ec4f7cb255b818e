namespace ThirdPartyJobs.Testing.State;

/// <summary>A custom-action job as <c>PollForJobs</c> (with a nonce) or <c>GetJobDetails</c> (without) returns it.</summary>
internal sealed record CustomJob(string Id, string DataJson, string? Nonce, string AccountId);
