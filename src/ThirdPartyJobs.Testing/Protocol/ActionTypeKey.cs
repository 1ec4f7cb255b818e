namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// An action type's identity, as an <c>actionTypeId</c> names it and as the emulator registers it: two are the same
/// action type when all four members are equal (ordinal).
/// </summary>
internal sealed record ActionTypeKey(string Category, string Owner, string Provider, string Version)
{
    /// <summary>The identity as CodePipeline's messages write it: <c>Category/Owner/Provider/Version</c>.</summary>
    public override string ToString() => $"{Category}/{Owner}/{Provider}/{Version}";
}
