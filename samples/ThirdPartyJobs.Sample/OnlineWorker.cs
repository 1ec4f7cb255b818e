using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// Runs the job worker against real CodePipeline for the action type in the <c>Worker</c>
/// configuration section (e.g. <c>Worker__Provider=MyPartnerAction</c> and
/// <c>Worker__ClientTokens__&lt;clientId&gt;=&lt;token&gt;</c> as environment variables), until Ctrl+C.
/// Artifacts options come from the <c>ThirdPartyJobs:Artifacts</c> section (e.g. <c>Region</c>): a job with input
/// and output artifacts gets the demo build (<see cref="ArtifactBuild"/>) on its real artifacts.
/// </summary>
internal static class OnlineWorker
{
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["Worker:Provider"]);

    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection("Worker");
        var actionTypeId = new ActionTypeId(
            section["Category"] ?? "Build",
            section["Owner"] ?? "ThirdParty",
            section["Provider"]!,
            section["Version"] ?? "1");
        builder.Services.AddThirdPartyJobs(builder.Configuration);
        builder.Services.AddThirdPartyJobArtifacts(builder.Configuration);
        builder.Services.AddThirdPartyJobWorker<DemoJobHandler>("online", options =>
        {
            options.ActionTypeId = actionTypeId;
            foreach (var token in section.GetSection("ClientTokens").GetChildren())
            {
                options.ClientTokens[token.Key] = token.Value ?? string.Empty;
            }
        });
        using var host = builder.Build();
        Console.WriteLine($"Running the job worker for {actionTypeId.Category}/{actionTypeId.Owner}/{actionTypeId.Provider}/{actionTypeId.Version}; Ctrl+C stops it.");
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
