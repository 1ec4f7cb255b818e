namespace ThirdPartyJobs;

/// <summary>
/// Identifies an action type: category, owner, provider and version. Built by callers to poll
/// (every member required, checked by the client), and read from job data, where CodePipeline's
/// answer is kept as sent: a member it leaves out is null.
/// </summary>
public sealed record ActionTypeId
{
    /// <summary>Creates an action type id.</summary>
    /// <param name="category">The action category, e.g. <see cref="ActionCategory.Build"/>.</param>
    /// <param name="owner">The owner; <see cref="ActionOwner.ThirdParty"/> for partner actions, <see cref="ActionOwner.Custom"/> for custom actions.</param>
    /// <param name="provider">The provider name (1–35 characters of <c>[0-9A-Za-z_-]</c>).</param>
    /// <param name="version">The action type version (1–9 characters of <c>[0-9A-Za-z_-]</c>).</param>
    public ActionTypeId(ActionCategory category, ActionOwner owner, string provider, string version)
        : this(category, owner, provider, version, fromService: true)
    {
    }

    // What the service sent, members it left out included (the public constructor's callers must give all four).
    internal ActionTypeId(ActionCategory? category, ActionOwner? owner, string? provider, string? version, bool fromService)
    {
        _ = fromService;
        (Category, Owner, Provider, Version) = (category, owner, provider, version);
    }

    /// <summary>The action category.</summary>
    public ActionCategory? Category { get; }

    /// <summary>The owner.</summary>
    public ActionOwner? Owner { get; }

    /// <summary>The provider name.</summary>
    public string? Provider { get; }

    /// <summary>The action type version.</summary>
    public string? Version { get; }
}
