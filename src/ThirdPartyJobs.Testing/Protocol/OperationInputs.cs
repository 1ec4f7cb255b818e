using System.Text.Json;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>
/// Reads and validates the input of each operation against the model (<c>PollForThirdPartyJobsInput</c>,
/// <c>PollForJobsInput</c>, ...). A third-party operation and its custom-action twin read the same members, except
/// that the custom one has no client token and a <c>JobId</c>-shaped (UUID) job id. Members are read in the model's
/// order, so that violations are listed as CodePipeline lists them.
/// </summary>
internal static class OperationInputs
{
    public static PollInput ReadPoll(JsonElement root, bool custom)
    {
        var reader = new InputReader();
        var actionTypeId = StructureInputs.ReadActionTypeId(reader, root);
        var maxBatchSize = reader.Integer(root, "maxBatchSize", "maxBatchSize", ModelShapes.MaxBatchSize, required: false);
        var queryParam = custom
            ? reader.Map(root, "queryParam", "queryParam", ModelShapes.ActionConfigurationKey, ModelShapes.ActionConfigurationQueryableValue, ModelShapes.QueryParamMapMax, required: false)
            : null;
        reader.ThrowIfInvalid();
        return new PollInput(actionTypeId, maxBatchSize ?? 1, queryParam);
    }

    /// <summary><c>GetThirdPartyJobDetails</c>, <c>GetJobDetails</c>, and with <paramref name="nonce"/> the acknowledge operations.</summary>
    public static JobInput ReadJob(JsonElement root, bool custom, bool nonce)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", custom ? ModelShapes.JobId : ModelShapes.ThirdPartyJobId, required: true);
        var nonceValue = nonce ? reader.String(root, "nonce", "nonce", ModelShapes.Nonce, required: true) : null;
        var clientToken = ReadClientToken(reader, root, custom);
        reader.ThrowIfInvalid();
        return new JobInput(jobId!, clientToken, nonceValue);
    }

    /// <summary>The four put operations: a success result (<paramref name="success"/>) or a failure result.</summary>
    public static JobInput ReadResult(JsonElement root, bool custom, bool success)
    {
        var reader = new InputReader();
        var jobId = reader.String(root, "jobId", "jobId", custom ? ModelShapes.JobId : ModelShapes.ThirdPartyJobId, required: true);
        var clientToken = ReadClientToken(reader, root, custom);
        var result = success ? StructureInputs.ReadSuccess(reader, root, custom) : StructureInputs.ReadFailure(reader, root);
        reader.ThrowIfInvalid();
        return new JobInput(jobId!, clientToken, Result: result);
    }

    private static string? ReadClientToken(InputReader reader, JsonElement root, bool custom) =>
        custom ? null : reader.String(root, "clientToken", "clientToken", ModelShapes.ClientToken, required: true);
}
