namespace ThirdPartyJobs.Testing.Faults;

/// <summary>A response sent verbatim instead of handling a call (see <see cref="EmulatorFaults.RespondNext"/>).</summary>
internal sealed record RawResponse(int StatusCode, string Body, string? ContentType, IReadOnlyDictionary<string, string> Headers, bool IncludeRequestId);
