using Microsoft.Extensions.Logging;

namespace ThirdPartyJobs.Testing;

/// <summary>Settings of a <see cref="CodePipelineEmulator"/>; read once, by <see cref="CodePipelineEmulator.StartAsync"/>.</summary>
public sealed class CodePipelineEmulatorOptions
{
    /// <summary>The region that requests must be signed for. Defaults to <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// The credentials that the emulator accepts; empty (the default) means <see cref="EmulatorCredential.Default"/>
    /// only. The first one is <see cref="CodePipelineEmulator.Credential"/>.
    /// </summary>
    public IList<EmulatorCredential> Credentials { get; } = new List<EmulatorCredential>();

    /// <summary>
    /// The emulator's clock: signature expiry, job timeouts and recorded times are read from it. Pass a
    /// <c>FakeTimeProvider</c> to drive them from a test. Defaults to <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the emulator logs (requests, outcomes, job state changes; never tokens, secrets or configuration
    /// values). ASP.NET Core's own logs are not sent here. <see langword="null"/> logs nothing.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>How error codes are written. Defaults to <see cref="Testing.ErrorCodeStyle.TypeField"/>.</summary>
    public ErrorCodeStyle ErrorCodeStyle { get; set; } = ErrorCodeStyle.TypeField;

    /// <summary>
    /// How many polls may hand out the same job before it is acknowledged. 1 (the default) hands each job out once;
    /// 2 or more simulates CodePipeline giving one job to several pollers, which the nonce protects against.
    /// </summary>
    public int MaxDispatchesPerJob { get; set; } = 1;

    /// <summary>
    /// The AWS account (12 digits) that custom-action jobs run in: <c>PollForJobs</c> and <c>GetJobDetails</c>
    /// return it as <c>accountId</c>, and custom jobs' <c>pipelineArn</c> names it. Defaults to <c>123456789012</c>.
    /// </summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The credentials in force: <see cref="Credentials"/>, or the default one when it is empty.</summary>
    internal IReadOnlyList<EmulatorCredential> EffectiveCredentials =>
        Credentials.Count == 0 ? [EmulatorCredential.Default] : Credentials.ToArray();

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, nameof(Region));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (AccountId is null || !Protocol.ModelShapes.AccountId.IsValid(AccountId))
        {
            throw new ArgumentException("AccountId must be 12 digits (model shape AccountId).", nameof(AccountId));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var credential in Credentials)
        {
            ArgumentNullException.ThrowIfNull(credential, nameof(Credentials));
            if (!ids.Add(credential.AccessKeyId))
            {
                throw new ArgumentException($"Access key id {credential.AccessKeyId} is listed twice.", nameof(Credentials));
            }
        }

        if (!Enum.IsDefined(ErrorCodeStyle))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorCodeStyle), ErrorCodeStyle, "Unknown error code style.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDispatchesPerJob, 1, nameof(MaxDispatchesPerJob));
    }
}
