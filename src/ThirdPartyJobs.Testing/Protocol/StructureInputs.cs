using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>The structures that the third-party and the custom-action operations share, read the same way for both.</summary>
internal static class StructureInputs
{
    /// <summary>The required <c>actionTypeId</c>; its members are null only when the reader has collected violations.</summary>
    public static ActionTypeKey ReadActionTypeId(InputReader reader, JsonElement root)
    {
        string? category = null, owner = null, provider = null, version = null;
        if (reader.Structure(root, "actionTypeId", "actionTypeId", required: true) is { } id)
        {
            category = reader.String(id, "category", "actionTypeId.category", ModelShapes.ActionCategory, required: true);
            owner = reader.String(id, "owner", "actionTypeId.owner", ModelShapes.ActionOwner, required: true);
            provider = reader.String(id, "provider", "actionTypeId.provider", ModelShapes.ActionProvider, required: true);
            version = reader.String(id, "version", "actionTypeId.version", ModelShapes.Version, required: true);
        }

        return new ActionTypeKey(category!, owner!, provider!, version!);
    }

    /// <summary>
    /// A success result's <c>currentRevision</c>, <c>continuationToken</c>, <c>executionDetails</c> and (custom
    /// actions) <c>outputVariables</c>, flattened into a result that the store completes.
    /// </summary>
    public static ReportedJobResult ReadSuccess(InputReader reader, JsonElement root, bool custom)
    {
        var result = new ReportedJobResult { Succeeded = true };
        if (reader.Structure(root, "currentRevision", "currentRevision", required: false) is { } revision)
        {
            result = result with
            {
                Revision = reader.String(revision, "revision", "currentRevision.revision", ModelShapes.Revision, required: true),
                ChangeIdentifier = reader.String(revision, "changeIdentifier", "currentRevision.changeIdentifier", ModelShapes.RevisionChangeIdentifier, required: true),
                RevisionCreated = reader.Timestamp(revision, "created", "currentRevision.created", required: false),
                RevisionSummary = reader.String(revision, "revisionSummary", "currentRevision.revisionSummary", ModelShapes.RevisionSummary, required: false),
            };
        }

        result = result with { ContinuationToken = reader.String(root, "continuationToken", "continuationToken", ModelShapes.ContinuationToken, required: false) };
        if (reader.Structure(root, "executionDetails", "executionDetails", required: false) is { } details)
        {
            result = result with
            {
                Summary = reader.String(details, "summary", "executionDetails.summary", ModelShapes.ExecutionSummary, required: false),
                ExternalExecutionId = reader.String(details, "externalExecutionId", "executionDetails.externalExecutionId", ModelShapes.ExecutionId, required: false),
                PercentComplete = reader.Integer(details, "percentComplete", "executionDetails.percentComplete", ModelShapes.Percentage, required: false),
            };
        }

        if (custom)
        {
            // Output variable values have no constraints in the model, so none is ever echoed.
            result = result with { OutputVariables = reader.Map(root, "outputVariables", "outputVariables", ModelShapes.OutputVariablesKey, valueShape: null, maxEntries: null, required: false) };
            if (result.OutputVariables is not null && result.ContinuationToken is not null)
            {
                reader.AddViolation("outputVariables can be included only when there is no continuation token on the request.");
            }
        }

        return result;
    }

    /// <summary>A failure result's required <c>failureDetails</c>, flattened into a result that the store completes.</summary>
    public static ReportedJobResult ReadFailure(InputReader reader, JsonElement root)
    {
        var result = new ReportedJobResult { Succeeded = false };
        if (reader.Structure(root, "failureDetails", "failureDetails", required: true) is { } failure)
        {
            result = result with
            {
                FailureType = reader.String(failure, "type", "failureDetails.type", ModelShapes.FailureType, required: true),
                FailureMessage = reader.String(failure, "message", "failureDetails.message", ModelShapes.Message, required: true),
                ExternalExecutionId = reader.String(failure, "externalExecutionId", "failureDetails.externalExecutionId", ModelShapes.ExecutionId, required: false),
            };
        }

        return result;
    }
}
