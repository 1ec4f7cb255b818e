using System.Text.Json;
using ThirdPartyJobs.Testing.State;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>Runs one operation against the <see cref="JobStore"/> and serializes its output shape (absent members left out).</summary>
internal sealed class OperationDispatcher(JobStore store)
{
    public byte[] Dispatch(CodePipelineOperation operation, JsonElement input) => operation switch
    {
        CodePipelineOperation.PollForThirdPartyJobs => Poll(OperationInputs.ReadPoll(input, custom: false)),
        CodePipelineOperation.GetThirdPartyJobDetails => GetDetails(OperationInputs.ReadJob(input, custom: false, nonce: false)),
        CodePipelineOperation.AcknowledgeThirdPartyJob => Acknowledge(OperationInputs.ReadJob(input, custom: false, nonce: true)),
        CodePipelineOperation.PutThirdPartyJobSuccessResult => PutResult(OperationInputs.ReadResult(input, custom: false, success: true)),
        CodePipelineOperation.PutThirdPartyJobFailureResult => PutResult(OperationInputs.ReadResult(input, custom: false, success: false)),
        CodePipelineOperation.PollForJobs => PollForJobs(OperationInputs.ReadPoll(input, custom: true)),
        CodePipelineOperation.AcknowledgeJob => Acknowledge(OperationInputs.ReadJob(input, custom: true, nonce: true)),
        CodePipelineOperation.GetJobDetails => GetJobDetails(OperationInputs.ReadJob(input, custom: true, nonce: false).JobId),
        CodePipelineOperation.PutJobSuccessResult => PutResult(OperationInputs.ReadResult(input, custom: true, success: true)),
        CodePipelineOperation.PutJobFailureResult => PutResult(OperationInputs.ReadResult(input, custom: true, success: false)),
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
        var jobs = store.Poll(input.ActionTypeId, input.MaxBatchSize);
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

    private byte[] GetDetails(JobInput input)
    {
        var (dataJson, nonce) = store.GetDetails(input.JobId, input.ClientToken!);
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

    private byte[] Acknowledge(JobInput input)
    {
        var status = store.Acknowledge(input.JobId, input.ClientToken, input.Nonce!);
        return Write(json => json.WriteString("status", status.ToString()));
    }

    private byte[] PutResult(JobInput input)
    {
        store.PutResult(input.JobId, input.ClientToken, input.Result!);
        return Write(_ => { });
    }

    private static void WriteJob(Utf8JsonWriter json, CustomJob job)
    {
        json.WriteString("id", job.Id);
        json.WritePropertyName("data");
        json.WriteRawValue(job.DataJson, skipInputValidation: true);
        if (job.Nonce is not null)
        {
            json.WriteString("nonce", job.Nonce);
        }

        json.WriteString("accountId", job.AccountId);
    }

    private byte[] PollForJobs(PollInput input)
    {
        var jobs = store.PollForJobs(input.ActionTypeId, input.MaxBatchSize, input.QueryParam);
        return Write(json =>
        {
            json.WriteStartArray("jobs");
            foreach (var job in jobs)
            {
                json.WriteStartObject();
                WriteJob(json, job);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private byte[] GetJobDetails(string jobId)
    {
        var job = store.GetJobDetails(jobId);
        return Write(json =>
        {
            json.WriteStartObject("jobDetails");
            WriteJob(json, job);
            json.WriteEndObject();
        });
    }
}
