namespace ThirdPartyJobs;

/// <summary>The key that encrypts the pipeline's artifact store; output artifacts must be uploaded with it (SSE-KMS). A member the service leaves out is null.</summary>
public sealed record EncryptionKey
{
    internal EncryptionKey(string? id, EncryptionKeyType? type) =>
        (Id, Type) = (id, type);

    /// <summary>The KMS key id, ARN or alias ARN.</summary>
    public string? Id { get; }

    /// <summary>The key type; <see cref="EncryptionKeyType.KMS"/> today.</summary>
    public EncryptionKeyType? Type { get; }
}
