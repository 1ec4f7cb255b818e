#region Snippet:ClientWithDependencyInjection
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThirdPartyJobs;

static class JobFetcher
{
    public static async Task PrintJobAsync(string[] args, string jobId, string clientToken, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddThirdPartyJobs(builder.Configuration); // "AWS" and "ThirdPartyJobs" sections
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IThirdPartyJobClient>();
        JobDetails? job = await client.GetJobDetailsAsync(jobId, clientToken, cancellationToken);
        Console.WriteLine(job); // secrets redacted
        string? apiKey = job?.Data?.Configuration.GetSecretValue("ApiKey"); // explicit access to a secret
    }
}
#endregion
