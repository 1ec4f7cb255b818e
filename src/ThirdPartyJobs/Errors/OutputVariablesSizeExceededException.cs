namespace ThirdPartyJobs;

/// <summary>A custom job's output variables exceed CodePipeline's total size limit for the pipeline's variables (<c>OutputVariablesSizeExceededException</c>). Not retried: send fewer or smaller variables.</summary>
public class OutputVariablesSizeExceededException : ThirdPartyJobException
{
    internal OutputVariablesSizeExceededException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
