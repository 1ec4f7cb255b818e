using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ThirdPartyJobs.Protocol.Json;

/// <summary>Writes the JSON bodies of the CodePipeline job operations. Inputs are validated by the caller.</summary>
internal static class RequestWriter
{
    public static byte[] GetThirdPartyJobDetails(string jobId, string clientToken) =>
        Write(writer =>
        {
            writer.WriteString("jobId", jobId);
            writer.WriteString("clientToken", clientToken);
        });

    public static byte[] PollForThirdPartyJobs(ActionTypeId actionTypeId, int maxBatchSize) =>
        Write(writer =>
        {
            writer.WriteStartObject("actionTypeId");
            writer.WriteString("category", actionTypeId.Category.Value);
            writer.WriteString("owner", actionTypeId.Owner.Value);
            writer.WriteString("provider", actionTypeId.Provider);
            writer.WriteString("version", actionTypeId.Version);
            writer.WriteEndObject();
            writer.WriteNumber("maxBatchSize", maxBatchSize);
        });

    public static byte[] AcknowledgeThirdPartyJob(string jobId, string nonce, string clientToken) =>
        Write(writer =>
        {
            writer.WriteString("jobId", jobId);
            writer.WriteString("nonce", nonce);
            writer.WriteString("clientToken", clientToken);
        });

    public static byte[] PutThirdPartyJobSuccessResult(string jobId, string clientToken, CurrentRevision? currentRevision, string? continuationToken, ExecutionDetails? executionDetails) =>
        Write(writer =>
        {
            writer.WriteString("jobId", jobId);
            writer.WriteString("clientToken", clientToken);
            if (currentRevision is not null)
            {
                writer.WriteStartObject("currentRevision");
                writer.WriteString("revision", currentRevision.Revision);
                writer.WriteString("changeIdentifier", currentRevision.ChangeIdentifier);
                if (currentRevision.Created is { } created)
                {
                    // AWS JSON timestamps: epoch seconds, here with millisecond precision.
                    writer.WritePropertyName("created");
                    writer.WriteRawValue((created.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture));
                }

                if (currentRevision.RevisionSummary is not null)
                {
                    writer.WriteString("revisionSummary", currentRevision.RevisionSummary);
                }

                writer.WriteEndObject();
            }

            if (continuationToken is not null)
            {
                writer.WriteString("continuationToken", continuationToken);
            }

            if (executionDetails is not null)
            {
                WriteExecutionDetails(writer, executionDetails);
            }
        });

    public static byte[] PutThirdPartyJobFailureResult(string jobId, string clientToken, FailureDetails failureDetails) =>
        Write(writer =>
        {
            writer.WriteString("jobId", jobId);
            writer.WriteString("clientToken", clientToken);
            writer.WriteStartObject("failureDetails");
            writer.WriteString("type", failureDetails.Type.Value);
            writer.WriteString("message", failureDetails.Message);
            if (failureDetails.ExternalExecutionId is not null)
            {
                writer.WriteString("externalExecutionId", failureDetails.ExternalExecutionId);
            }

            writer.WriteEndObject();
        });

    private static void WriteExecutionDetails(Utf8JsonWriter writer, ExecutionDetails details)
    {
        writer.WriteStartObject("executionDetails");
        if (details.Summary is not null)
        {
            writer.WriteString("summary", details.Summary);
        }

        if (details.ExternalExecutionId is not null)
        {
            writer.WriteString("externalExecutionId", details.ExternalExecutionId);
        }

        if (details.PercentComplete is { } percent)
        {
            writer.WriteNumber("percentComplete", percent);
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
