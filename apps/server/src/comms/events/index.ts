export { createEventBus, type EventBus, type EventHandler } from './event-bus';
