export { createCommentService, type CommentService, type CommentServiceDeps } from './comments.service';
export { commentRoutes } from './comments.routes';
export { commentCleanup } from './comments.cleanup';
export { countComments } from './comments.repo';
export type { Comment, CommentAuthor, CommentPage } from './comments.types';
