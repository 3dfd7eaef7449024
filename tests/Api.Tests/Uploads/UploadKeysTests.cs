using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Tests.Uploads;

public class UploadKeysTests
{
    [Theory]
    [InlineData("été à Paris.mp4", "été_à_Paris.mp4")]
    [InlineData("夏の服.mp4", "夏の服.mp4")]
    [InlineData("Лукбук-2026.mov", "Лукбук-2026.mov")]
    [InlineData("C:\\Users\\me\\clip.mp4", "clip.mp4")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(".hidden.mp4", "hidden.mp4")]
    [InlineData("clip\u202Egpj.mp4", "clip_gpj.mp4")]      // a right-to-left override is not a letter
    [InlineData("🎬 trailer.mp4", "trailer.mp4")]           // a symbol and a space become '_', then leading '_' go
    [InlineData("", "upload.mp4")]
    [InlineData("...", "upload.mp4")]
    public void A_client_file_name_keeps_its_letters_in_any_script_and_loses_what_could_harm(string clientName, string expected)
    {
        var safe = UploadKeys.SafeFileName(clientName, "upload.mp4");

        Assert.Equal(expected, safe);
        Assert.Null(ObjectKey.FindProblem($"{UploadKeys.VideoFolder}/{safe}"));
    }

    [Fact]
    public void A_long_name_is_cut_from_its_start_without_splitting_a_character()
    {
        var name = string.Concat(Enumerable.Repeat("𠀀", 100)) + ".mp4"; // CJK extension B: two UTF-16 units each

        var safe = UploadKeys.SafeFileName(name, "upload.mp4");

        Assert.True(safe.Length <= 120);
        Assert.EndsWith(".mp4", safe);
        Assert.False(char.IsLowSurrogate(safe[0]));
        Assert.Equal(safe.Length - 4, safe.EnumerateRunes().Count(r => r.Value == 0x20000) * 2);
    }
}
