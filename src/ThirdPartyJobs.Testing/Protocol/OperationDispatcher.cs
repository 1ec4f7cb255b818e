using System.Text.Json;
using ThirdPartyJobs.Testing.State;

namespace ThirdPartyJobs.Testing.Protocol;

/// <summary>Runs one operation against the <see cref="JobStore"/> and serializes its output shape (absent members left out).</summary>
internal sealed class OperationDispatcher(JobStore store)
{
    public byte[] Dispatch(CodePipelineOperation operation, JsonElement input) => operation switch
    {
        CodePipelineOperation.PollForThirdPartyJobs => Poll(OperationInputs.ReadPoll(input)),
        CodePipelineOperation.GetThirdPartyJobDetails => GetDetails(OperationInputs.ReadGetDetails(input)),
        CodePipelineOperation.AcknowledgeThirdPartyJob => Acknowledge(OperationInputs.ReadAcknowledge(input)),
        CodePipelineOperation.PutThirdPartyJobSuccessResult => PutSuccess(OperationInputs.ReadSuccess(input)),
        CodePipelineOperation.PutThirdPartyJobFailureResult => PutFailure(OperationInputs.ReadFailure(input)),
        CodePipelineOperation.PollForJobs => PollForJobs(CustomOperationInputs.ReadPoll(input)),
        CodePipelineOperation.AcknowledgeJob => AcknowledgeJob(CustomOperationInputs.ReadAcknowledge(input)),
        CodePipelineOperation.GetJobDetails => GetJobDetails(CustomOperationInputs.ReadJobId(input)),
        CodePipelineOperation.PutJobSuccessResult => PutJobSuccess(CustomOperationInputs.ReadSuccess(input)),
        CodePipelineOperation.PutJobFailureResult => PutJobFailure(CustomOperationInputs.ReadFailure(input)),
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
        var (category, owner, provider, version) = input.ActionTypeId;
        var jobs = store.Poll(category, owner, provider, version, input.MaxBatchSize);
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

    private byte[] PollForJobs(CustomPollInput input)
    {
        var (category, owner, provider, version) = input.ActionTypeId;
        var jobs = store.PollForJobs(category, owner, provider, version, input.MaxBatchSize, input.QueryParam);
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

    private byte[] AcknowledgeJob(CustomAcknowledgeInput input)
    {
        var status = store.AcknowledgeJob(input.JobId, input.Nonce);
        return Write(json => json.WriteString("status", status.ToString()));
    }

    private byte[] PutJobSuccess(CustomSuccessInput input)
    {
        store.PutJobSuccess(input.JobId, input.CurrentRevision, input.ContinuationToken, input.ExecutionDetails, input.OutputVariables);
        return Write(_ => { });
    }

    private byte[] PutJobFailure(CustomFailureInput input)
    {
        store.PutJobFailure(input.JobId, input.FailureDetails);
        return Write(_ => { });
    }
}
