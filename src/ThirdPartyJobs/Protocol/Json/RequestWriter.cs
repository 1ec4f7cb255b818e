using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ThirdPartyJobs.Protocol.Json;

/// <summary>
/// Writes the JSON bodies of CodePipeline's job operations. Third-party and custom operations have
/// the same members except the client token, so each writer serves both: a null
/// <c>clientToken</c> is left out (the custom-action form). Inputs are validated by the caller.
/// </summary>
internal static class RequestWriter
{
    /// <summary><c>GetThirdPartyJobDetails</c> / <c>GetJobDetails</c>.</summary>
    public static byte[] GetJobDetails(string jobId, string? clientToken) =>
        Write((jobId, clientToken), static (writer, state) =>
        {
            writer.WriteString("jobId", state.jobId);
            WriteClientToken(writer, state.clientToken);
        });

    /// <summary><c>PollForThirdPartyJobs</c> / <c>PollForJobs</c>; <paramref name="queryParam"/> exists only on the custom form.</summary>
    public static byte[] PollForJobs(ActionTypeId actionTypeId, int? maxBatchSize, IReadOnlyDictionary<string, string>? queryParam = null) =>
        Write((actionTypeId, maxBatchSize, queryParam), static (writer, state) =>
        {
            writer.WriteStartObject("actionTypeId");
            writer.WriteString("category", state.actionTypeId.Category!.Value);
            writer.WriteString("owner", state.actionTypeId.Owner!.Value);
            writer.WriteString("provider", state.actionTypeId.Provider);
            writer.WriteString("version", state.actionTypeId.Version);
            writer.WriteEndObject();
            if (state.maxBatchSize is { } size)
            {
                writer.WriteNumber("maxBatchSize", size);
            }

            WriteMap(writer, "queryParam", state.queryParam);
        });

    /// <summary><c>AcknowledgeThirdPartyJob</c> / <c>AcknowledgeJob</c>.</summary>
    public static byte[] AcknowledgeJob(string jobId, string nonce, string? clientToken) =>
        Write((jobId, nonce, clientToken), static (writer, state) =>
        {
            writer.WriteString("jobId", state.jobId);
            writer.WriteString("nonce", state.nonce);
            WriteClientToken(writer, state.clientToken);
        });

    /// <summary><c>PutThirdPartyJobSuccessResult</c> / <c>PutJobSuccessResult</c>; <paramref name="outputVariables"/> exists only on the custom form.</summary>
    public static byte[] PutJobSuccessResult(
        string jobId,
        string? clientToken,
        CurrentRevision? currentRevision,
        string? continuationToken,
        ExecutionDetails? executionDetails,
        IReadOnlyDictionary<string, string>? outputVariables = null) =>
        Write((jobId, clientToken, currentRevision, continuationToken, executionDetails, outputVariables), static (writer, state) =>
        {
            writer.WriteString("jobId", state.jobId);
            WriteClientToken(writer, state.clientToken);
            if (state.currentRevision is { } revision)
            {
                writer.WriteStartObject("currentRevision");
                writer.WriteString("revision", revision.Revision);
                writer.WriteString("changeIdentifier", revision.ChangeIdentifier);
                if (revision.Created is { } created)
                {
                    // AWS JSON timestamps: epoch seconds, here with millisecond precision.
                    writer.WritePropertyName("created");
                    writer.WriteRawValue((created.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture));
                }

                WriteOptional(writer, "revisionSummary", revision.RevisionSummary);
                writer.WriteEndObject();
            }

            WriteOptional(writer, "continuationToken", state.continuationToken);
            if (state.executionDetails is { } details)
            {
                writer.WriteStartObject("executionDetails");
                WriteOptional(writer, "summary", details.Summary);
                WriteOptional(writer, "externalExecutionId", details.ExternalExecutionId);
                if (details.PercentComplete is { } percent)
                {
                    writer.WriteNumber("percentComplete", percent);
                }

                writer.WriteEndObject();
            }

            WriteMap(writer, "outputVariables", state.outputVariables);
        });

    /// <summary><c>PutThirdPartyJobFailureResult</c> / <c>PutJobFailureResult</c>.</summary>
    public static byte[] PutJobFailureResult(string jobId, string? clientToken, FailureDetails failureDetails) =>
        Write((jobId, clientToken, failureDetails), static (writer, state) =>
        {
            writer.WriteString("jobId", state.jobId);
            WriteClientToken(writer, state.clientToken);
            writer.WriteStartObject("failureDetails");
            writer.WriteString("type", state.failureDetails.Type.Value);
            writer.WriteString("message", state.failureDetails.Message);
            WriteOptional(writer, "externalExecutionId", state.failureDetails.ExternalExecutionId);
            writer.WriteEndObject();
        });

    private static void WriteClientToken(Utf8JsonWriter writer, string? clientToken) => WriteOptional(writer, "clientToken", clientToken);

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer, state);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
