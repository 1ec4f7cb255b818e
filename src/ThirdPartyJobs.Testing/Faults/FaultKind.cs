namespace ThirdPartyJobs.Testing;

/// <summary>The kinds of fault the emulator can inject into a call (see <see cref="EmulatorFaults"/>).</summary>
public enum FaultKind
{
    /// <summary>HTTP 400 <c>ThrottlingException</c>, message "Rate exceeded".</summary>
    Throttle,

    /// <summary>A 5xx: 500 <c>InternalFailure</c> or 503 <c>ServiceUnavailableException</c>.</summary>
    ServerError,

    /// <summary>The call is held for a while (wall-clock), then handled as usual; a client that gives up aborts it.</summary>
    Delay,

    /// <summary>The connection is aborted without a response.</summary>
    Reset,

    /// <summary>A scripted raw response (status, body, headers), e.g. a malformed one.</summary>
    RawResponse,
}
