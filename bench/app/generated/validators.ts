// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:9d3c8a22d8200fa8
// @ts-nocheck: the validator bodies are ajv's standalone code, untyped JavaScript that no strict
// tsconfig accepts as TypeScript. Each export is declared `ValidateFunction`, which is what importers
// and declaration emit see; ajv's own tests vouch for the code itself.
import type { ValidateFunction } from "celerity/runtime";

export const args_bench$latency: ValidateFunction = validate10;
const schema11 = {"type":"object","required":["t"],"additionalProperties":false,"properties":{"t":{"type":"number","description":"Epoch ms (fractional) taken just before the enqueue call."}}};
const func0 = Object.prototype.hasOwnProperty;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    if((data.t === undefined) || (!(func0.call(data, "t")))){
      const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "t"},message:"must have required property '"+"t"+"'"};
      if(vErrors === null){
        vErrors = [err0];
      }
      else {
        vErrors.push(err0);
      }
      errors++;
    }
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!(key0 === "t")){
        const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if(data.t !== undefined && func0.call(data, "t")){
      let data0 = data.t;
      const _errs2 = errors;
      if(!((typeof data0 == "number") && (isFinite(data0)))){
        const err2 = {instancePath:instancePath+"/t",schemaPath:"#/properties/t/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err2];
        }
        else {
          vErrors.push(err2);
        }
        errors++;
      }
      const _errs3 = errors;
      var valid0 = _errs2 === errors;
    }
  }
  else {
    const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err3];
    }
    else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

export const result_bench$latency: ValidateFunction = validate11;
const schema12 = {"type":"null"};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if(data !== null){
    const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "null"},message:"must be null"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs0 = errors;
  validate11.errors = vErrors;
  return errors === 0;
}

export const args_bench$noop: ValidateFunction = validate12;
const schema13 = {"type":"object","additionalProperties":false,"properties":{"i":{"type":"integer","minimum":0},"t":{"type":"number"}}};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  if(data && typeof data == "object" && !Array.isArray(data)){
    const _errs1 = errors;
    for(const key0 of Object.keys(data)){
      if(!((key0 === "i") || (key0 === "t"))){
        const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
        if(vErrors === null){
          vErrors = [err0];
        }
        else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if(data.i !== undefined && func0.call(data, "i")){
      let data0 = data.i;
      const _errs2 = errors;
      if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
        const err1 = {instancePath:instancePath+"/i",schemaPath:"#/properties/i/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
        if(vErrors === null){
          vErrors = [err1];
        }
        else {
          vErrors.push(err1);
        }
        errors++;
      }
      const _errs3 = errors;
      if((typeof data0 == "number") && (isFinite(data0))){
        if(data0 < 0 || isNaN(data0)){
          const err2 = {instancePath:instancePath+"/i",schemaPath:"#/properties/i/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
          if(vErrors === null){
            vErrors = [err2];
          }
          else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var valid0 = _errs2 === errors;
    }
    if(data.t !== undefined && func0.call(data, "t")){
      let data1 = data.t;
      const _errs4 = errors;
      if(!((typeof data1 == "number") && (isFinite(data1)))){
        const err3 = {instancePath:instancePath+"/t",schemaPath:"#/properties/t/type",keyword:"type",params:{type: "number"},message:"must be number"};
        if(vErrors === null){
          vErrors = [err3];
        }
        else {
          vErrors.push(err3);
        }
        errors++;
      }
      const _errs5 = errors;
      var valid0 = _errs4 === errors;
    }
  }
  else {
    const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
    if(vErrors === null){
      vErrors = [err4];
    }
    else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}

export const result_bench$noop: ValidateFunction = validate13;
const schema14 = {"type":"null"};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
  let vErrors = null;
  let errors = 0;
  if(data !== null){
    const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "null"},message:"must be null"};
    if(vErrors === null){
      vErrors = [err0];
    }
    else {
      vErrors.push(err0);
    }
    errors++;
  }
  const _errs0 = errors;
  validate13.errors = vErrors;
  return errors === 0;
}
