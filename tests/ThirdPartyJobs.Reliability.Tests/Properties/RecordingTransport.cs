using System.Text;
using Moq;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Reliability.Tests.Properties;

/// <summary>A mocked <see cref="ICodePipelineTransport"/> that records every request and answers each operation validly.</summary>
internal sealed class RecordingTransport
{
    private static readonly Dictionary<string, byte[]> Answers = new()
    {
        [CodePipelineOperation.GetThirdPartyJobDetails] = Encoding.UTF8.GetBytes(SampleResponses.JobDetails()),
        [CodePipelineOperation.PollForThirdPartyJobs] = Encoding.UTF8.GetBytes(SampleResponses.PollJobs(1)),
        [CodePipelineOperation.AcknowledgeThirdPartyJob] = Encoding.UTF8.GetBytes(SampleResponses.Acknowledge()),
        [CodePipelineOperation.PutThirdPartyJobSuccessResult] = "{}"u8.ToArray(),
        [CodePipelineOperation.PutThirdPartyJobFailureResult] = "{}"u8.ToArray(),
    };

    public RecordingTransport()
    {
        Mock.Setup(t => t.SendAsync(It.IsAny<TransportRequest>(), It.IsAny<CancellationToken>()))
            .Returns<TransportRequest, CancellationToken>((request, _) =>
            {
                Requests.Add(request);
                return Task.FromResult(new TransportResponse(Answers[request.Operation], "request-id"));
            });
        Mock.Setup(t => t.Dispose());
    }

    public Mock<ICodePipelineTransport> Mock { get; } = new(MockBehavior.Strict);

    public List<TransportRequest> Requests { get; } = [];

    /// <summary>A client over this transport, one attempt per call.</summary>
    public IThirdPartyJobClient CreateClient() =>
        new CodePipelineThirdPartyJobClient(Mock.Object, new ThirdPartyJobsOptions { Retry = { MaxAttempts = 1 } }, loggerFactory: null);
}
