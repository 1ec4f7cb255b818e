using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// Reads and validates the input of each third-party operation against the model
/// (<c>PollForThirdPartyJobsInput</c>, <c>GetThirdPartyJobDetailsInput</c>, ...).
/// </summary>
internal static class OperationInputs
{
    public static PollInput ReadPoll(JsonElement root)
    {
        var reader = new InputReader();
        var actionTypeId = StructureInputs.ReadActionTypeId(reader, root);
        var maxBatchSize = reader.Integer(root, "maxBatchSize", "maxBatchSize", ModelShapes.MaxBatchSize, required: false);
        reader.ThrowIfInvalid();
        return new PollInput(actionTypeId, maxBatchSize ?? 1);
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
        var currentRevision = StructureInputs.ReadCurrentRevision(reader, root);
        var continuationToken = reader.String(root, "continuationToken", "continuationToken", ModelShapes.ContinuationToken, required: false);
        var executionDetails = StructureInputs.ReadExecutionDetails(reader, root);
        reader.ThrowIfInvalid();
        return new SuccessInput(jobId!, clientToken!, currentRevision, continuationToken, executionDetails);
    }

    public static FailureInput ReadFailure(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.ThirdPartyJobId, required: true);
        var clientToken = reader.String(root, "clientToken", "clientToken", ModelShapes.ClientToken, required: true);
        var failureDetails = StructureInputs.ReadFailureDetails(reader, root);
        reader.ThrowIfInvalid();
        return new FailureInput(jobId!, clientToken!, failureDetails!);
    }
}
