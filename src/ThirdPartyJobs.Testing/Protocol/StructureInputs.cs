using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>The structures that the third-party and the custom-action operations share, read the same way for both.</summary>
internal static class StructureInputs
{
    /// <summary>The required <c>actionTypeId</c>; its members are null only when the reader has collected violations.</summary>
    public static ActionTypeInput ReadActionTypeId(InputReader reader, JsonElement root)
    {
        string? category = null, owner = null, provider = null, version = null;
        if (reader.Structure(root, "actionTypeId", "actionTypeId", required: true) is { } id)
        {
            category = reader.String(id, "category", "actionTypeId.category", ModelShapes.ActionCategory, required: true);
            owner = reader.String(id, "owner", "actionTypeId.owner", ModelShapes.ActionOwner, required: true);
            provider = reader.String(id, "provider", "actionTypeId.provider", ModelShapes.ActionProvider, required: true);
            version = reader.String(id, "version", "actionTypeId.version", ModelShapes.Version, required: true);
        }

        return new ActionTypeInput(category!, owner!, provider!, version!);
    }

    public static ReportedCurrentRevision? ReadCurrentRevision(InputReader reader, JsonElement root)
    {
        if (reader.Structure(root, "currentRevision", "currentRevision", required: false) is not { } revision)
        {
            return null;
        }

        return new ReportedCurrentRevision(
            reader.String(revision, "revision", "currentRevision.revision", ModelShapes.Revision, required: true)!,
            reader.String(revision, "changeIdentifier", "currentRevision.changeIdentifier", ModelShapes.RevisionChangeIdentifier, required: true)!,
            reader.Timestamp(revision, "created", "currentRevision.created", required: false),
            reader.String(revision, "revisionSummary", "currentRevision.revisionSummary", ModelShapes.RevisionSummary, required: false));
    }

    public static ReportedExecutionDetails? ReadExecutionDetails(InputReader reader, JsonElement root)
    {
        if (reader.Structure(root, "executionDetails", "executionDetails", required: false) is not { } details)
        {
            return null;
        }

        return new ReportedExecutionDetails(
            reader.String(details, "summary", "executionDetails.summary", ModelShapes.ExecutionSummary, required: false),
            reader.String(details, "externalExecutionId", "executionDetails.externalExecutionId", ModelShapes.ExecutionId, required: false),
            reader.Integer(details, "percentComplete", "executionDetails.percentComplete", ModelShapes.Percentage, required: false));
    }

    /// <summary>The required <c>failureDetails</c>; null only when the reader has collected violations.</summary>
    public static ReportedFailureDetails? ReadFailureDetails(InputReader reader, JsonElement root)
    {
        if (reader.Structure(root, "failureDetails", "failureDetails", required: true) is not { } failure)
        {
            return null;
        }

        return new ReportedFailureDetails(
            reader.String(failure, "type", "failureDetails.type", ModelShapes.FailureType, required: true)!,
            reader.String(failure, "message", "failureDetails.message", ModelShapes.Message, required: true)!,
            reader.String(failure, "externalExecutionId", "failureDetails.externalExecutionId", ModelShapes.ExecutionId, required: false));
    }
}
