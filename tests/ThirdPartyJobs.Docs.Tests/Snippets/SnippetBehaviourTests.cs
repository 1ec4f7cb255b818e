using Moq;
using NUnit.Framework;
using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.Docs.Tests.Snippets;

/// <summary>The snippets that a reader runs as they are: they must work, not only compile.</summary>
public sealed class SnippetBehaviourTests
{
    [Test]
    public async Task The_artifacts_handler_uploads_an_existing_output_folder_and_removes_its_temporary_folder()
    {
        string? source = null, uploadedFrom = null;
        var outputExistedAtUpload = false;
        var artifacts = new Mock<IJobArtifacts>();
        artifacts.Setup(a => a.DownloadInputAsync("SourceOutput", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string directory, CancellationToken _) =>
            {
                source = directory;
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, "Program.cs"), "// source");
                return Task.FromResult(new ArchiveExtractionResult(directory, FileCount: 1, DirectoryCount: 0, ExtractedBytes: 9, ArchiveBytes: 120));
            });
        artifacts.Setup(a => a.UploadOutputAsync("BuildOutput", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string name, string directory, CancellationToken _) =>
            {
                uploadedFrom = directory;
                outputExistedAtUpload = File.Exists(Path.Combine(directory, "summary.txt"));
                return Task.FromResult(new UploadedArtifact(name, "bucket", "pipeline/build.zip", 100, ETag: null, VersionId: null, PartCount: 1));
            });
        var factory = new Mock<IJobArtifactsFactory>();
        factory.Setup(f => f.Create(It.IsAny<JobDetails>())).Returns(artifacts.Object);
        factory.Setup(f => f.Create(It.IsAny<IRunningJob>())).Returns(artifacts.Object);
        var context = ThirdPartyJobsHostingModelFactory.JobContext(ThirdPartyJobsModelFactory.JobDetails());

        var outcome = await new ArtifactBuildHandler(factory.Object).HandleAsync(context, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Succeeded), outcome.ToString());
            Assert.That(outcome.ExecutionDetails?.Summary, Is.EqualTo("Built 1 files into pipeline/build.zip."));
            Assert.That(outputExistedAtUpload, Is.True, "the output folder and its file existed when it was uploaded");
            Assert.That(source, Is.Not.Null);
            Assert.That(Path.GetDirectoryName(uploadedFrom), Is.EqualTo(Path.GetDirectoryName(source)), "one work folder for the job");
            Assert.That(Directory.Exists(Path.GetDirectoryName(source)), Is.False, "the temporary work folder is removed");
        });
        artifacts.Verify(a => a.Dispose(), Times.Once);
    }

    [Test]
    public async Task The_handler_unit_test_snippet_passes()
    {
        var tests = new DeployHandlerTests();
        await tests.A_fresh_job_starts_the_deployment_and_continues_later();
        await tests.A_follow_up_job_finishes_the_deployment();
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task The_emulator_snippet_runs_the_worker_end_to_end(CancellationToken cancellationToken)
    {
        await new BuildWorkerTests().The_worker_builds_a_job_end_to_end(cancellationToken);
    }
}
