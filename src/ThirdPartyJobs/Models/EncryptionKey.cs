namespace ThirdPartyJobs;

/// <summary>The key that encrypts the pipeline's artifact store. Output artifacts must be uploaded with it (SSE-KMS).</summary>
/// <param name="Id">The KMS key id, ARN or alias ARN.</param>
/// <param name="Type">The key type; <see cref="EncryptionKeyType.KMS"/> today.</param>
public sealed record EncryptionKey(string Id, EncryptionKeyType Type);
