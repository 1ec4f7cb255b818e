namespace ThirdPartyJobs;

/// <summary>A custom job's output variables exceed CodePipeline's total size limit for the pipeline's variables (<c>OutputVariablesSizeExceededException</c>). Not retried: send fewer or smaller variables.</summary>
public class OutputVariablesSizeExceededException : ThirdPartyJobException
{
    /// <summary>Creates the exception, e.g. to throw from a mock (<see cref="ThirdPartyJobsModelFactory.ServiceError"/> builds one with every fact set).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OutputVariablesSizeExceededException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal OutputVariablesSizeExceededException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
