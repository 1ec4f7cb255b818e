using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// Reads and validates the input of each operation against the model
/// (<c>PollForThirdPartyJobsInput</c>, <c>GetThirdPartyJobDetailsInput</c>, ...).
/// </summary>
internal static class OperationInputs
{
    public static PollInput ReadPoll(JsonElement root)
    {
        var reader = new InputReader();
        var actionTypeId = reader.Structure(root, "actionTypeId", "actionTypeId", required: true);
        string? category = null, owner = null, provider = null, version = null;
        if (actionTypeId is { } id)
        {
            category = reader.String(id, "category", "actionTypeId.category", ModelShapes.ActionCategory, required: true);
            owner = reader.String(id, "owner", "actionTypeId.owner", ModelShapes.ActionOwner, required: true);
            provider = reader.String(id, "provider", "actionTypeId.provider", ModelShapes.ActionProvider, required: true);
            version = reader.String(id, "version", "actionTypeId.version", ModelShapes.Version, required: true);
        }

        var maxBatchSize = reader.Integer(root, "maxBatchSize", "maxBatchSize", ModelShapes.MaxBatchSize, required: false);
        reader.ThrowIfInvalid();
        return new PollInput(category!, owner!, provider!, version!, maxBatchSize ?? 1);
    }

    public static JobTokenInput ReadGetDetails(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.ThirdPartyJobId, required: true);
        var clientToken = reader.String(root, "clientToken", "clientToken", ModelShapes.ClientToken, required: true);
        reader.ThrowIfInvalid();
        return new JobTokenInput(jobId!, clientToken!);
    }

    public static AcknowledgeInput ReadAcknowledge(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.ThirdPartyJobId, required: true);
        var nonce = reader.String(root, "nonce", "nonce", ModelShapes.Nonce, required: true);
        var clientToken = reader.String(root, "clientToken", "clientToken", ModelShapes.ClientToken, required: true);
        reader.ThrowIfInvalid();
        return new AcknowledgeInput(jobId!, nonce!, clientToken!);
    }

    public static SuccessInput ReadSuccess(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.ThirdPartyJobId, required: true);
        var clientToken = reader.String(root, "clientToken", "clientToken", ModelShapes.ClientToken, required: true);

        ReportedCurrentRevision? currentRevision = null;
        if (reader.Structure(root, "currentRevision", "currentRevision", required: false) is { } revision)
        {
            currentRevision = new ReportedCurrentRevision(
                reader.String(revision, "revision", "currentRevision.revision", ModelShapes.Revision, required: true)!,
                reader.String(revision, "changeIdentifier", "currentRevision.changeIdentifier", ModelShapes.RevisionChangeIdentifier, required: true)!,
                reader.Timestamp(revision, "created", "currentRevision.created", required: false),
                reader.String(revision, "revisionSummary", "currentRevision.revisionSummary", ModelShapes.RevisionSummary, required: false));
        }

        var continuationToken = reader.String(root, "continuationToken", "continuationToken", ModelShapes.ContinuationToken, required: false);

        ReportedExecutionDetails? executionDetails = null;
        if (reader.Structure(root, "executionDetails", "executionDetails", required: false) is { } details)
        {
            executionDetails = new ReportedExecutionDetails(
                reader.String(details, "summary", "executionDetails.summary", ModelShapes.ExecutionSummary, required: false),
                reader.String(details, "externalExecutionId", "executionDetails.externalExecutionId", ModelShapes.ExecutionId, required: false),
                reader.Integer(details, "percentComplete", "executionDetails.percentComplete", ModelShapes.Percentage, required: false));
        }

        reader.ThrowIfInvalid();
        return new SuccessInput(jobId!, clientToken!, currentRevision, continuationToken, executionDetails);
    }

    public static FailureInput ReadFailure(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.ThirdPartyJobId, required: true);
        var clientToken = reader.String(root, "clientToken", "clientToken", ModelShapes.ClientToken, required: true);
        ReportedFailureDetails? failureDetails = null;
        if (reader.Structure(root, "failureDetails", "failureDetails", required: true) is { } failure)
        {
            failureDetails = new ReportedFailureDetails(
                reader.String(failure, "type", "failureDetails.type", ModelShapes.FailureType, required: true)!,
                reader.String(failure, "message", "failureDetails.message", ModelShapes.Message, required: true)!,
                reader.String(failure, "externalExecutionId", "failureDetails.externalExecutionId", ModelShapes.ExecutionId, required: false));
        }

        reader.ThrowIfInvalid();
        return new FailureInput(jobId!, clientToken!, failureDetails!);
    }
}
