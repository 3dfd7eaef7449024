namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A generated video: its file name and its shots in order, joined by hard cuts.</summary>
public sealed record LookbookVideo(string Name, IReadOnlyList<LookbookShot> Shots);
