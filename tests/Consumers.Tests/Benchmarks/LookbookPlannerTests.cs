using ShoppableVideo.Benchmarks.Matching;

namespace ShoppableVideo.Consumers.Tests.Benchmarks;

public class LookbookPlannerTests
{
    static readonly (string, string)[] Queries = Enumerable.Range(1, 10).Select(i => ($"P{i}", $"/q/p{i}.jpg")).ToArray();

    static IReadOnlyList<LookbookVideo> Plan(int seed = 7) => LookbookPlanner.Plan(Queries, "/v/people.mp4", 139.4, distractors: 4, videos: 3, seed);

    [Fact]
    public void Every_query_photo_and_every_distractor_gets_one_shot_of_two_to_three_seconds()
    {
        var shots = Plan().SelectMany(v => v.Shots).ToList();

        Assert.Equal(14, shots.Count);
        Assert.Equal(Queries.Select(q => q.Item1).Order(), shots.Where(s => !s.IsDistractor).Select(s => s.ProductId!).Order());
        Assert.Equal(4, shots.Count(s => s.IsDistractor));
        Assert.All(shots, s => Assert.InRange(s.Frames, 50, 75));
        Assert.All(shots.Where(s => s.IsDistractor), s => Assert.InRange(s.SourceStartSeconds, 0, 139.4 - 3));
    }

    [Fact]
    public void The_same_seed_plans_the_same_videos()
    {
        Assert.Equal(Plan().SelectMany(v => v.Shots), Plan().SelectMany(v => v.Shots));
        Assert.NotEqual(Plan(1).SelectMany(v => v.Shots), Plan(2).SelectMany(v => v.Shots));
    }

    [Fact]
    public void Shots_are_dealt_into_the_asked_number_of_videos()
    {
        var videos = Plan();

        Assert.Equal(["lookbook-01.mp4", "lookbook-02.mp4", "lookbook-03.mp4"], videos.Select(v => v.Name));
        Assert.Equal([5, 5, 4], videos.Select(v => v.Shots.Count));
    }

    [Fact]
    public void The_ground_truth_places_shots_back_to_back_on_whole_frames()
    {
        var videos = Plan();
        var truth = LookbookPlanner.GroundTruth(videos);

        Assert.Equal(14, truth.Count);
        foreach (var video in videos)
        {
            var own = truth.Where(t => t.Video == video.Name).ToList();
            Assert.Equal(0, own[0].StartSeconds);
            for (var i = 1; i < own.Count; i++)
                Assert.Equal(own[i - 1].EndSeconds, own[i].StartSeconds);
            Assert.Equal(video.Shots.Sum(s => s.Frames) / 25.0, own[^1].EndSeconds, 9);
            Assert.Equal(video.Shots.Select(s => s.ProductId ?? GroundTruthShot.Distractor), own.Select(t => t.Label));
        }
    }

    [Fact]
    public void A_photo_shot_zooms_and_jitters_colour_and_a_distractor_is_only_resized()
    {
        var shot = new LookbookShot("/q/p1.jpg", "P1", 60, 0.002, 0.05, 1.1, -3, 0);
        var distractor = new LookbookShot("/v/people.mp4", null, 55, 0, 0, 1, 0, 12.5);

        var photo = LookbookFilters.Filter(shot);
        Assert.Contains("zoompan=z='1+0.002*on'", photo);
        Assert.Contains("d=60:s=960x540:fps=25", photo);
        Assert.Contains("eq=brightness=0.05:saturation=1.1,hue=h=-3", photo);
        Assert.DoesNotContain("zoompan", LookbookFilters.Filter(distractor));
        var arguments = LookbookFilters.Arguments(distractor, "/tmp/out.mp4");
        Assert.Equal(["-ss", "12.5", "-i", "/v/people.mp4"], arguments.SkipWhile(a => a != "-ss").Take(4));
        Assert.Equal("55", arguments[arguments.ToList().IndexOf("-frames:v") + 1]);
    }
}
