using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// Reads and validates the input of each custom-action operation against the model (<c>PollForJobsInput</c>,
/// <c>AcknowledgeJobInput</c>, <c>GetJobDetailsInput</c>, <c>PutJobSuccessResultInput</c>,
/// <c>PutJobFailureResultInput</c>). Job ids are the <c>JobId</c> shape (a UUID); there is no client token.
/// </summary>
internal static class CustomOperationInputs
{
    public static CustomPollInput ReadPoll(JsonElement root)
    {
        var reader = new InputReader();
        var actionTypeId = StructureInputs.ReadActionTypeId(reader, root);
        var maxBatchSize = reader.Integer(root, "maxBatchSize", "maxBatchSize", ModelShapes.MaxBatchSize, required: false);
        var queryParam = reader.Map(
            root, "queryParam", "queryParam", ModelShapes.ActionConfigurationKey, ModelShapes.ActionConfigurationQueryableValue, ModelShapes.QueryParamMapMax, required: false);
        reader.ThrowIfInvalid();
        return new CustomPollInput(actionTypeId, maxBatchSize ?? 1, queryParam);
    }

    public static string ReadJobId(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.JobId, required: true);
        reader.ThrowIfInvalid();
        return jobId!;
    }

    public static CustomAcknowledgeInput ReadAcknowledge(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.JobId, required: true);
        var nonce = reader.String(root, "nonce", "nonce", ModelShapes.Nonce, required: true);
        reader.ThrowIfInvalid();
        return new CustomAcknowledgeInput(jobId!, nonce!);
    }

    public static CustomSuccessInput ReadSuccess(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.JobId, required: true);
        var currentRevision = StructureInputs.ReadCurrentRevision(reader, root);
        var continuationToken = reader.String(root, "continuationToken", "continuationToken", ModelShapes.ContinuationToken, required: false);
        var executionDetails = StructureInputs.ReadExecutionDetails(reader, root);

        // Output variable values have no constraints in the model, so none is ever echoed.
        var outputVariables = reader.Map(root, "outputVariables", "outputVariables", ModelShapes.OutputVariablesKey, valueShape: null, maxEntries: null, required: false);
        if (outputVariables is not null && continuationToken is not null)
        {
            reader.AddViolation("outputVariables can be included only when there is no continuation token on the request.");
        }

        reader.ThrowIfInvalid();
        return new CustomSuccessInput(jobId!, currentRevision, continuationToken, executionDetails, outputVariables);
    }

    public static CustomFailureInput ReadFailure(JsonElement root)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", ModelShapes.JobId, required: true);
        var failureDetails = StructureInputs.ReadFailureDetails(reader, root);
        reader.ThrowIfInvalid();
        return new CustomFailureInput(jobId!, failureDetails!);
    }
}
