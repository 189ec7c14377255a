import type { FastifyInstance } from 'fastify';
import type { HubService } from '../service';

export async function registerWebRoutes(
  _app: FastifyInstance,
  _service: HubService,
): Promise<void> {}
