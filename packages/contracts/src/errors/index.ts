export { AppError, toAppError, type AppErrorInit } from './app-error';
export { defineErrorCodes, type ErrorCodeSpec, type ErrorFault } from './error-spec';
export { ERROR_CODES, isErrorCode, type ErrorCode } from './registry';
