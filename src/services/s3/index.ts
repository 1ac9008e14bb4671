export { createS3Service, handleS3, type S3ServiceDeps } from './create-s3-service.js';
