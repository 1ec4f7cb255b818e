using ThirdPartyJobs.Hosting.Journal;

namespace ThirdPartyJobs.Hosting.Tests.Journal;

public sealed class FileJobJournalTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private CapturingLoggerProvider _logs = null!;
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _logs = new CapturingLoggerProvider();
        _directory = Path.Combine(Path.GetTempPath(), "tpj-journal-tests", Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void DeleteDirectory()
    {
        _logs.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public async Task A_record_survives_its_instance_and_is_recovered_by_the_next_one_exactly_once()
    {
        var first = Create();
        await first.WriteAsync(Record("job-1", continuationToken: "resume-here"), CancellationToken.None);
        await first.WriteAsync(Record("job-2"), CancellationToken.None);
        await first.DeleteAsync("job-2", CancellationToken.None);
        first.Dispose(); // the lock goes, as when the process dies

        using var second = Create();
        var recovered = await second.RecoverAsync(CancellationToken.None);
        using var third = Create();
        var again = await third.RecoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(recovered.Select(r => (r.JobId, r.Kind, r.ClientId, r.AcknowledgedAt, r.Deadline, r.ContinuationToken)), Is.EqualTo(new[] { ("job-1", "ThirdParty", "client-1", Now, Now.AddMinutes(59), (string?)"resume-here") }));
            Assert.That(again, Is.Empty, "the second instance owns the record now");
            Assert.That(_logs.WithEventId(2081).Single().Value("Count"), Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task Records_of_a_live_instance_are_left_to_it()
    {
        using var alive = Create();
        await alive.WriteAsync(Record("job-running"), CancellationToken.None);

        using var starting = Create();
        var recovered = await starting.RecoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(recovered, Is.Empty);
            Assert.That(File.Exists(Path.Combine(alive.InstanceDirectory, "job-running.json")), Is.True);
            Assert.That(_logs.WithEventId(2082), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Several_instances_starting_at_once_recover_each_record_exactly_once()
    {
        for (var dead = 0; dead < 3; dead++)
        {
            var instance = Create();
            for (var job = 0; job < 20; job++)
            {
                await instance.WriteAsync(Record($"job-{dead}-{job}"), CancellationToken.None);
            }

            instance.Dispose();
        }

        var starting = Enumerable.Range(0, 4).Select(_ => Create()).ToArray();
        var recovered = await Task.WhenAll(starting.Select(instance => Task.Run(() => instance.RecoverAsync(CancellationToken.None))));
        foreach (var instance in starting)
        {
            instance.Dispose();
        }

        var all = recovered.SelectMany(records => records.Select(r => r.JobId)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(60));
            Assert.That(all.Distinct().Count(), Is.EqualTo(60), "no record recovered twice");
        });
    }

    [Test]
    public async Task A_write_is_atomic_a_half_written_temporary_file_is_never_read_as_a_record()
    {
        var dead = Create();
        await dead.WriteAsync(Record("job-complete"), CancellationToken.None);

        // What a crash in the middle of a write leaves: the temporary file, never the record.
        await File.WriteAllTextAsync(Path.Combine(dead.InstanceDirectory, "job-torn.json.tmp"), "{\"jobId\":\"job-torn\",\"ki");
        var leftovers = Directory.GetFiles(dead.InstanceDirectory).Select(Path.GetFileName).ToArray();
        dead.Dispose();

        using var next = Create();
        var recovered = await next.RecoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(leftovers, Is.EquivalentTo(new[] { "instance.lock", "job-complete.json", "job-torn.json.tmp" }), "a completed write leaves no temporary file");
            Assert.That(recovered.Select(r => r.JobId), Is.EqualTo(new[] { "job-complete" }));
            Assert.That(_logs.WithEventId(2080), Is.Empty);
        });
    }

    [Test]
    public async Task A_corrupt_record_is_logged_and_skipped_and_the_rest_recovered()
    {
        var dead = Create();
        await dead.WriteAsync(Record("job-good"), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(dead.InstanceDirectory, "job-garbage.json"), "not json at all");
        await File.WriteAllTextAsync(Path.Combine(dead.InstanceDirectory, "job-partial.json"), "{\"jobId\":\"job-partial\"}");
        await File.WriteAllBytesAsync(Path.Combine(dead.InstanceDirectory, "job-empty.json"), []);
        dead.Dispose();

        using var next = Create();
        var recovered = await next.RecoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(recovered.Select(r => r.JobId), Is.EqualTo(new[] { "job-good" }));
            Assert.That(_logs.WithEventId(2080).Select(e => e.Value("File")), Is.EquivalentTo(new[] { "job-garbage.json", "job-partial.json", "job-empty.json" }));
            Assert.That(Directory.GetFiles(next.InstanceDirectory, "*.corrupt"), Has.Length.EqualTo(3), "kept aside, not read again");
        });
    }

    [Test]
    public async Task A_record_holds_ids_and_times_only()
    {
        using var journal = Create();
        await journal.WriteAsync(Record("job-1", continuationToken: "resume-here"), CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(journal.InstanceDirectory, "job-1.json"));

        Assert.That(text, Is.EqualTo("{\"jobId\":\"job-1\",\"kind\":\"ThirdParty\",\"clientId\":\"client-1\",\"acknowledgedAt\":\"2025-01-01T00:00:00+00:00\",\"deadline\":\"2025-01-01T00:59:00+00:00\",\"continuationToken\":\"resume-here\"}"));
    }

    [Test]
    public async Task An_instance_that_stops_with_nothing_left_leaves_no_folder_and_odd_job_ids_stay_inside_it()
    {
        var journal = Create();
        await journal.WriteAsync(Record("../../escape"), CancellationToken.None);
        var files = Directory.GetFiles(journal.InstanceDirectory).Select(Path.GetFileName).ToArray();
        await journal.DeleteAsync("../../escape", CancellationToken.None);
        journal.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Some.StartsWith("x2E2E2F"), "an id that is not a plain name is hex-encoded");
            Assert.That(Directory.GetDirectories(Path.Combine(_directory, "worker")), Is.Empty);
        });
    }

    private FileJobJournal Create() => new(_directory, "worker", _logs.CreateLogger("journal"));

    private static JobJournalRecord Record(string jobId, string? continuationToken = null) => new()
    {
        JobId = jobId,
        Kind = "ThirdParty",
        ClientId = "client-1",
        AcknowledgedAt = Now,
        Deadline = Now.AddMinutes(59),
        ContinuationToken = continuationToken,
    };
}
