import { KafkajsClient } from '../../libs/lambda-sink/src';
import { describeKafkaPortContract } from './support/port-contract';

describeKafkaPortContract('kafkajs', (settings) => new KafkajsClient(settings));
