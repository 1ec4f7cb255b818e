namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>Maps <c>X-Amz-Target</c> values to operations.</summary>
internal static class OperationNames
{
    public const string TargetPrefix = "CodePipeline_20150709.";

    public static bool TryParse(string? target, out CodePipelineOperation operation)
    {
        operation = default;
        if (target is null || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = target[TargetPrefix.Length..];
        return Enum.TryParse(name, ignoreCase: false, out operation)
            && Enum.IsDefined(operation)
            && string.Equals(operation.ToString(), name, StringComparison.Ordinal);
    }
}
