namespace ShoppableVideo.Api.Reviews;

public interface IReviewStore
{
    Task<ShotReview> AddAsync(Guid videoId, int segmentIndex, ReviewRequest request, string reviewer, CancellationToken cancellationToken);

    /// <summary>Every review of the video, oldest first.</summary>
    Task<IReadOnlyList<ShotReview>> ListAsync(Guid videoId, CancellationToken cancellationToken);
}
