namespace ThirdPartyJobs;

/// <summary>Identifies an action type: category, owner, provider and version.</summary>
/// <param name="Category">The action category, e.g. <see cref="ActionCategory.Build"/>.</param>
/// <param name="Owner">The owner; <see cref="ActionOwner.ThirdParty"/> for partner actions.</param>
/// <param name="Provider">The provider name (1–35 characters of <c>[0-9A-Za-z_-]</c>).</param>
/// <param name="Version">The action type version (1–9 characters of <c>[0-9A-Za-z_-]</c>).</param>
public sealed record ActionTypeId(ActionCategory Category, ActionOwner Owner, string Provider, string Version);
