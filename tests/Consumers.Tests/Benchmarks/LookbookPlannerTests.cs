using ShoppableVideo.Benchmarks.Matching;

namespace ShoppableVideo.Consumers.Tests.Benchmarks;

public class LookbookPlannerTests
{
    static readonly LookbookQuery[] Queries = Enumerable.Range(1, 12)
        .Select(i => new LookbookQuery($"P{i}", i % 2 == 0 ? $"/q/p{i}_back.jpg" : $"/q/p{i}_alt1.jpg", i % 3 == 0 ? "Women/Bottoms/Pants" : "Men/Tops/Tees"))
        .ToArray();

    static readonly DistractorSource[] Distractors =
    [
        new("people", "/v/people.mp4", 0, 139.4, 3),
        new("clip 2", "/v/six.mp4", 3, 6, 2),
    ];

    static IReadOnlyList<LookbookVideo> Plan(int seed = 7, int? maxShots = null) =>
        LookbookPlanner.Plan(Queries, Distractors, closeUpShare: 1 / 3.0, videos: 3, seed, maxShots);

    [Fact]
    public void Every_query_photo_and_every_distractor_gets_one_shot_of_two_to_three_seconds()
    {
        var shots = Plan().SelectMany(v => v.Shots).ToList();

        Assert.Equal(17, shots.Count);
        Assert.Equal(Queries.Select(q => q.ProductId).Order(), shots.Where(s => !s.IsDistractor).Select(s => s.ProductId!).Order());
        Assert.Equal(5, shots.Count(s => s.IsDistractor));
        Assert.All(shots, s => Assert.InRange(s.Frames, 50, 75));
    }

    [Fact]
    public void A_third_of_front_and_of_back_views_become_close_ups_and_the_rest_are_framed_by_their_view()
    {
        var shots = Plan().SelectMany(v => v.Shots).Where(s => !s.IsDistractor).ToList();

        Assert.Equal(2, shots.Count(s => s.Framing == ShotFramings.CloseUp && s.Source.Contains("_back")));
        Assert.Equal(2, shots.Count(s => s.Framing == ShotFramings.CloseUp && !s.Source.Contains("_back")));
        Assert.All(shots.Where(s => s.Framing == ShotFramings.Back), s => Assert.Contains("_back", s.Source));
        Assert.All(shots.Where(s => s.Framing == ShotFramings.WholeOutfit), s => Assert.DoesNotContain("_back", s.Source));
        Assert.All(shots, s => Assert.Equal(s.Framing == ShotFramings.CloseUp, s.CloseUpBand is not null));
    }

    [Fact]
    public void A_close_up_keeps_the_band_where_its_product_is_worn()
    {
        Assert.Equal(new GarmentBand(0.18, 0.58), GarmentBand.For("Men/Tops/Jackets"));
        Assert.Equal(new GarmentBand(0.45, 0.95), GarmentBand.For("Women/Bottoms/Shorts"));
        Assert.Equal(new GarmentBand(0.25, 0.75), GarmentBand.For("Gear/Bags"));
    }

    [Fact]
    public void Distractors_lie_inside_their_stretch_of_footage_so_none_straddles_a_cut()
    {
        var shots = Plan().SelectMany(v => v.Shots).Where(s => s.IsDistractor).ToList();

        foreach (var source in Distractors)
            Assert.All(shots.Where(s => s.Origin == source.Name), s =>
            {
                Assert.InRange(s.SourceStartSeconds, source.StartSeconds, source.EndSeconds);
                Assert.InRange(s.SourceStartSeconds + s.Frames / 25.0, source.StartSeconds, source.EndSeconds);
            });
        Assert.Equal(2, shots.Count(s => s.Origin == "clip 2"));
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
        Assert.Equal([6, 6, 5], videos.Select(v => v.Shots.Count));
    }

    [Fact]
    public void A_smoke_run_keeps_fewer_shots_picked_from_the_whole_plan()
    {
        var all = Plan().SelectMany(v => v.Shots).ToList();
        var few = Plan(maxShots: 6).SelectMany(v => v.Shots).ToList();

        Assert.Equal(6, few.Count);
        Assert.All(few, s => Assert.Contains(s, all));
    }

    [Fact]
    public void The_ground_truth_places_shots_back_to_back_on_whole_frames()
    {
        var videos = Plan();
        var truth = LookbookPlanner.GroundTruth(videos);

        Assert.Equal(17, truth.Count);
        foreach (var video in videos)
        {
            var own = truth.Where(t => t.Video == video.Name).ToList();
            Assert.Equal(0, own[0].StartSeconds);
            for (var i = 1; i < own.Count; i++)
                Assert.Equal(own[i - 1].EndSeconds, own[i].StartSeconds);
            Assert.Equal(video.Shots.Sum(s => s.Frames) / 25.0, own[^1].EndSeconds, 9);
            Assert.Equal(video.Shots.Select(s => s.ProductId ?? ShotFramings.Distractor), own.Select(t => t.Label));
            Assert.Equal(video.Shots.Select(s => s.Framing), own.Select(t => t.Framing));
        }
    }

    [Fact]
    public void A_photo_shot_zooms_and_jitters_colour_and_a_distractor_is_only_resized()
    {
        var shot = new LookbookShot("/q/p1.jpg", "P1", ShotFramings.WholeOutfit, "p1.jpg", 60, new ShotJitter(0.002, 0.05, 1.1, -3));
        var distractor = new LookbookShot("/v/people.mp4", null, ShotFramings.Distractor, "people", 55, ShotJitter.None, 12.5);

        var photo = LookbookFilters.Filter(shot);
        Assert.Contains("pad=1920:1080", photo);
        Assert.Contains("zoompan=z='1+0.002*on'", photo);
        Assert.Contains("d=60:s=960x540:fps=25", photo);
        Assert.Contains("eq=brightness=0.05:saturation=1.1,hue=h=-3", photo);
        Assert.DoesNotContain("zoompan", LookbookFilters.Filter(distractor));
        var arguments = LookbookFilters.Arguments(distractor, "/tmp/out.mp4");
        Assert.Equal(["-ss", "12.5", "-i", "/v/people.mp4"], arguments.SkipWhile(a => a != "-ss").Take(4));
        Assert.Equal("55", arguments[arguments.ToList().IndexOf("-frames:v") + 1]);
    }

    [Fact]
    public void A_close_up_crops_the_garment_band_and_fills_the_frame_without_padding()
    {
        var shot = new LookbookShot("/q/p1.jpg", "P1", ShotFramings.CloseUp, "p1.jpg", 60, new ShotJitter(0.002, 0, 1, 0), CloseUpBand: new GarmentBand(0.18, 0.58));

        var filter = LookbookFilters.Filter(shot);
        Assert.StartsWith("crop=iw:ih*0.4:0:ih*0.18,scale=1920:1080:force_original_aspect_ratio=increase,crop=1920:1080,zoompan", filter);
        Assert.DoesNotContain("pad=", filter);
    }

    [Fact]
    public void The_clips_of_a_cuts_file_span_their_frames()
    {
        var clips = CutClip.Read("""{"fps": 25, "shots": [{"frames": [0, 74], "source": "a"}, {"frames": [75, 149], "source": "b"}]}""");

        Assert.Equal([new CutClip(1, 0, 3, "a"), new CutClip(2, 3, 6, "b")], clips);
    }
}
