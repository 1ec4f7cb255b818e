using System.Text.Json;
using ThirdPartyJobs.Testing.State;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>Runs one operation against the <see cref="JobStore"/> and serializes its output shape.</summary>
internal sealed class OperationDispatcher(JobStore store)
{
    public byte[] Dispatch(CodePipelineOperation operation, JsonElement input) => operation switch
    {
        CodePipelineOperation.PollForThirdPartyJobs => Poll(OperationInputs.ReadPoll(input)),
        CodePipelineOperation.GetThirdPartyJobDetails => GetDetails(OperationInputs.ReadGetDetails(input)),
        CodePipelineOperation.AcknowledgeThirdPartyJob => Acknowledge(OperationInputs.ReadAcknowledge(input)),
        CodePipelineOperation.PutThirdPartyJobSuccessResult => PutSuccess(OperationInputs.ReadSuccess(input)),
        CodePipelineOperation.PutThirdPartyJobFailureResult => PutFailure(OperationInputs.ReadFailure(input)),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonSettings.WriterOptions))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private byte[] Poll(PollInput input)
    {
        var jobs = store.Poll(input.Category, input.Owner, input.Provider, input.Version, input.MaxBatchSize);
        return Write(json =>
        {
            json.WriteStartArray("jobs");
            foreach (var (clientId, jobId) in jobs)
            {
                json.WriteStartObject();
                json.WriteString("clientId", clientId);
                json.WriteString("jobId", jobId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private byte[] GetDetails(JobTokenInput input)
    {
        var (dataJson, nonce) = store.GetDetails(input.JobId, input.ClientToken);
        return Write(json =>
        {
            json.WriteStartObject("jobDetails");
            json.WriteString("id", input.JobId);
            json.WritePropertyName("data");
            json.WriteRawValue(dataJson, skipInputValidation: true);
            json.WriteString("nonce", nonce);
            json.WriteEndObject();
        });
    }

    private byte[] Acknowledge(AcknowledgeInput input)
    {
        var status = store.Acknowledge(input.JobId, input.Nonce, input.ClientToken);
        return Write(json => json.WriteString("status", status.ToString()));
    }

    private byte[] PutSuccess(SuccessInput input)
    {
        store.PutSuccess(input.JobId, input.ClientToken, input.CurrentRevision, input.ContinuationToken, input.ExecutionDetails);
        return Write(_ => { });
    }

    private byte[] PutFailure(FailureInput input)
    {
        store.PutFailure(input.JobId, input.ClientToken, input.FailureDetails);
        return Write(_ => { });
    }
}
